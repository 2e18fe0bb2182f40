# A toolchain image that runs nothing (a CI or dev image) is what it is meant to be.
FROM golang:1.23
RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
