# DF501 is off by default: tags without digests are not reported unless the rule is turned on.
FROM python:3.12-slim
FROM node:22@sha256:0f8bd7b7d16d1d2ff7f6e9d4dc6dc6c3a2b6a1e6a3bcf43d1c0f3c3e9b6fa2a1
