FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ARG GIT_SHA
ENV APP_COMMIT=$GIT_SHA
RUN python -m compileall .
CMD ["python", "-m", "app"]
LABEL org.opencontainers.image.revision=$GIT_SHA
