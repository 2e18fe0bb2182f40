FROM debian:12-slim
COPY --chmod=755 --chown=app:app scripts/ /opt/scripts/
RUN chmod 755 /opt/scripts && chown -h app:app /opt/scripts
CMD ["/opt/scripts/run.sh"]
