FROM debian:12-slim
COPY [|app.tar.gz|] /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
CMD ["/opt/app/bin/app"]
