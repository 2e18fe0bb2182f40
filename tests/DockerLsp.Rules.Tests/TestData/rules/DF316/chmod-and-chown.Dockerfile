FROM debian:12-slim
COPY scripts/ /opt/scripts/
RUN [|chmod -R 755 /opt/scripts|] && [|chown -Rh app:app /opt/scripts|]
CMD ["/opt/scripts/run.sh"]
