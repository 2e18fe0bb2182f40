# Different flags.
FROM python:3.12-slim AS flags
RUN pip install build
RUN --mount=type=cache,target=/root/.cache/pip pip install wheel

# The first RUN changes directory: the second would run elsewhere.
FROM debian:12 AS cd
RUN cd /tmp && touch marker
RUN touch other

# The second RUN is a list with ';': after chaining, a failure of the first would no longer stop it.
FROM debian:12 AS list
RUN mkdir -p /a
RUN touch /a/x; touch /a/y

# An instruction between them.
FROM debian:12 AS between
RUN mkdir -p /a
ENV A=1
RUN mkdir -p /b

# Exec form and heredocs are left alone.
FROM debian:12 AS forms
RUN ["mkdir", "-p", "/a"]
RUN mkdir -p /b
RUN <<EOT
mkdir -p /c
EOT
RUN mkdir -p /d

# Different purposes: system packages and language dependencies change at different rates.
FROM python:3.12 AS purposes
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir psycopg

# A trailing comment on the first RUN.
FROM debian:12 AS comment
RUN mkdir -p /a # the data directory
RUN mkdir -p /b
