FROM alpine:3.20
RUN adduser -D -u 1000 app
COPY app /app
USER app
CMD ["/app"]
