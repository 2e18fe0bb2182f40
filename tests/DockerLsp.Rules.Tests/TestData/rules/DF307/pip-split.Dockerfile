FROM python:3.12-slim
WORKDIR /srv
COPY . .
RUN [|pip install --no-cache-dir -r requirements/base.txt|] \
    && python -m compileall -q .
CMD ["python", "-m", "app"]
