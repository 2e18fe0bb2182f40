FROM debian:12-slim
COPY [|setup.sh|] /tmp/setup.sh
# scripts/ may hold another setup.sh: the RUN cannot mount the first one instead.
COPY scripts/ /tmp/
RUN sh /tmp/setup.sh && rm /tmp/setup.sh
CMD ["bash"]
