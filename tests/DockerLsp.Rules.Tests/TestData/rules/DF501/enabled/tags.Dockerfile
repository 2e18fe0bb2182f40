ARG PYTHON=3.12
FROM [|python:${PYTHON}-slim|] AS base
FROM [|ghcr.io/example/tool:1.4|] AS tool
FROM base AS app
FROM scratch
FROM node:22@sha256:0f8bd7b7d16d1d2ff7f6e9d4dc6dc6c3a2b6a1e6a3bcf43d1c0f3c3e9b6fa2a1
FROM ${UNKNOWN_IMAGE}
