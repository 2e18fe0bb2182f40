FROM debian:12-slim
RUN --mount=type=bind,source=install-tools.sh,target=/tmp/install-tools.sh sh /tmp/install-tools.sh
CMD ["bash"]
