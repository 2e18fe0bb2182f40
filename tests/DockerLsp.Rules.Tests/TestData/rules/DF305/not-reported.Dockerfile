FROM debian:12-slim
# ADD cannot strip path components.
COPY release.tar.gz /tmp/
RUN tar -xzf /tmp/release.tar.gz --strip-components=1 -C /opt/app
# ADD does not unpack zip files.
COPY site.zip /tmp/
RUN apt-get update && apt-get install -y --no-install-recommends unzip && unzip /tmp/site.zip -d /srv && rm -rf /var/lib/apt/lists/*
# Copied, never extracted.
COPY backup.tar /backups/
