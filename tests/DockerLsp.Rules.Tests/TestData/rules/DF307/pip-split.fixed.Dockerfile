FROM python:3.12-slim
WORKDIR /srv
COPY requirements/base.txt requirements/
RUN pip install --no-cache-dir -r requirements/base.txt
COPY . .
RUN python -m compileall -q .
CMD ["python", "-m", "app"]
