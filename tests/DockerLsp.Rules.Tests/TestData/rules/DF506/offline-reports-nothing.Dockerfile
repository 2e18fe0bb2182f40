# DF506 needs the registry: offline analysis never reports it, even for a digest that may be stale.
FROM nginx:1.27@sha256:0f8bd7b7d16d1d2ff7f6e9d4dc6dc6c3a2b6a1e6a3bcf43d1c0f3c3e9b6fa2a1
FROM python:3.12-slim
