FROM debian:12-slim
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -qq install --no-install-recommends git && rm -rf /var/lib/apt/lists/*
RUN apt-get update && yes | apt-get install -o APT::Install-Recommends=false wget && rm -rf /var/lib/apt/lists/*
RUN apt-get update && if apt-get install -s postgresql-16-jit > /dev/null 2>&1; then echo available; fi && rm -rf /var/lib/apt/lists/*
