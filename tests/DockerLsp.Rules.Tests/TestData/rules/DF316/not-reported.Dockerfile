FROM debian:12-slim
RUN mkdir -p /data && chown -R 1000:1000 /data
COPY --chown=1000:1000 app/ /app/
RUN chmod 755 /app
