FROM alpine:3.20
HEALTHCHECK --timeout=5s CMD true
COPY a /a
RUN --security=sandbox true
RUN --mount=type=cache,target=/root/.cache true
RUN --mount=type=cache,target=/x true
COPY --chmod=u+x,g-w b /b
RUN --mount=type=secret,id=npm,env=NPM_TOKEN true
