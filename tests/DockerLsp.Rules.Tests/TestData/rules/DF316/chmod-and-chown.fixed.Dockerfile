FROM debian:12-slim
COPY --chown=app:app --chmod=755 scripts/ /opt/scripts/
RUN chmod 755 /opt/scripts && chown -h app:app /opt/scripts
CMD ["/opt/scripts/run.sh"]
