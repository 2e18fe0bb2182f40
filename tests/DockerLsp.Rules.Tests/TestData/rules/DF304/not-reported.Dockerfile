FROM debian:12
ARG RELEASE_URL=https://example.com/tool.tar.gz
# Remote sources, git sources and archives are what ADD is for.
ADD https://example.com/install.sh /tmp/install.sh
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool
ADD git@github.com:example/repo.git /src/repo
ADD --keep-git-dir=true https://github.com/example/repo.git#v1.0.0 /src/repo2
ADD rootfs.tar.gz /
ADD data.tgz /data/
ADD $RELEASE_URL /tmp/
ADD <<EOT /etc/motd
Welcome.
EOT
