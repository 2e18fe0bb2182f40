FROM python:3.12-slim
RUN apt-get update && [|apt-get install|] -y --no-install-recommends libpq5 && [|pip install|] psycopg==3.2.3
CMD ["python"]
