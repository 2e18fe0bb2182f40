FROM python:3.12-slim
ARG [|GIT_SHA|]
ENV [|APP_COMMIT|]=$GIT_SHA
LABEL [|org.opencontainers.image.revision|]=$GIT_SHA
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN python -m compileall .
CMD ["python", "-m", "app"]
