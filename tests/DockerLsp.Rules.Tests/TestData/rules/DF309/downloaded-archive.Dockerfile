FROM debian:12-slim
RUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool.tar.gz && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin
ENV PATH=/usr/local/bin:$PATH
RUN [|rm /tmp/tool.tar.gz|]
