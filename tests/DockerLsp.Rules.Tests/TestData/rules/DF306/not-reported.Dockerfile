FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
COPY src/ ./src/
COPY --from=ghcr.io/example/assets:1.0 . /assets/
COPY <<EOT /app/VERSION
1.0
EOT
