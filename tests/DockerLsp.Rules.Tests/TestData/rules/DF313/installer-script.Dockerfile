FROM debian:12-slim
COPY [|install-tools.sh|] /tmp/install-tools.sh
RUN sh /tmp/install-tools.sh && rm /tmp/install-tools.sh
CMD ["bash"]
