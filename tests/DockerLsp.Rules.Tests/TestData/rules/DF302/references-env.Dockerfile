FROM python:3.12-slim
ENV PORT=8000
WORKDIR /srv
COPY requirements.txt .
[|EXPOSE|] $PORT
RUN pip install --no-cache-dir -r requirements.txt
[|STOPSIGNAL|] SIGINT
COPY . .
CMD ["python", "-m", "app"]
