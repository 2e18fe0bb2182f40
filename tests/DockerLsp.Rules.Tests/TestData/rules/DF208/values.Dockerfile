FROM alpine:3.20
HEALTHCHECK --interval=[|30|] --retries=[|-1|] --timeout=5s CMD true
COPY --link=[|maybe|] --chmod=[|789|] a /a
RUN --network=[|bridge|] --security=sandbox true
RUN --mount=type=cache,[|tagret|]=/root/.cache true
RUN --mount=type=[|cahce|],target=/x true
COPY --chmod=u+x,g-w b /b
RUN --mount=type=secret,id=npm,env=NPM_TOKEN true
