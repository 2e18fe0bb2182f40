FROM alpine:3.20
RUN echo
# the real one
CMD ["b"]
HEALTHCHECK NONE
