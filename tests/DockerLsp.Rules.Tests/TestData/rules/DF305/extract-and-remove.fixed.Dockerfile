FROM debian:12-slim
ADD app.tar.gz /opt/
CMD ["/opt/app/bin/app"]
