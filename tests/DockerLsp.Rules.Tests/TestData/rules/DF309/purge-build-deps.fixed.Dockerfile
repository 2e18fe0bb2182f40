FROM python:3.12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libpq-dev \
    && pip install --no-cache-dir psycopg2==2.9.10 \
    && rm -rf /var/lib/apt/lists/* \
# Too late: the compiler is already in the layer above.
    && apt-get purge -y gcc libpq-dev && apt-get autoremove -y
CMD ["python"]
