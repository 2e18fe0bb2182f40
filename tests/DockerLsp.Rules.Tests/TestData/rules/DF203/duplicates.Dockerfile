FROM alpine:3.20
[|CMD ["a"]|]
RUN echo
# the real one
CMD ["b"]
[|HEALTHCHECK CMD true|]
HEALTHCHECK NONE
