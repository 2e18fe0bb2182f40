FROM debian:12-slim AS build
# A builder stage: its caches are discarded.
RUN apt-get update && apt-get install -y --no-install-recommends gcc
RUN pip install build

FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN --mount=type=cache,target=/var/lib/apt/lists --mount=type=cache,target=/var/cache/apt \
    apt-get update && apt-get install -y --no-install-recommends libpq5
RUN pip install psycopg==3.2.3
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.npm npm install -g pm2
RUN apk add --no-cache curl
RUN yum install -y tar && yum clean all
CMD ["python"]
# apt 2.7+ removes the lists with dist-clean; --no-network downloads nothing; 'yarn --version' installs nothing.
RUN apt-get install --update -y --no-install-recommends ca-certificates; apt-get dist-clean
RUN apk add --no-network --virtual .rundeps so:libssl.so.3
RUN corepack enable && yarn --version
