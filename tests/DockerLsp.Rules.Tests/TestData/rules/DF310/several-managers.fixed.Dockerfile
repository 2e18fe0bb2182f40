FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && pip install --no-cache-dir psycopg==3.2.3 && rm -rf /var/lib/apt/lists/*
CMD ["python"]
