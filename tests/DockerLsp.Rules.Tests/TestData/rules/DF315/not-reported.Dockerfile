FROM python:3.12 AS build
RUN pip wheel --wheel-dir /wheels psycopg==3.2.3

FROM python:3.12-slim-bookworm
COPY --from=build /wheels /wheels
CMD ["python"]
