FROM python:3.12-slim
STOPSIGNAL SIGINT
ENV PORT=8000
EXPOSE $PORT
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
