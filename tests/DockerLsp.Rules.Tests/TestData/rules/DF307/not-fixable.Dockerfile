# Poetry installs the project itself unless --no-root: it needs the sources.
FROM python:3.12-slim AS poetry
WORKDIR /app
COPY . .
RUN [|poetry install --only main|]

# An ENV between the COPY and the install changes what the install sees.
FROM node:22-slim AS env
WORKDIR /app
COPY . .
ENV NODE_ENV=production
RUN [|npm ci|]

# Cargo needs the source targets even to fetch.
FROM rust:1.82 AS cargo
WORKDIR /src
COPY . .
RUN [|cargo fetch|]
