# dockstat's container image: the release bundle (scripts/release) on a slim glibc base. No JDK in the
# image: the bundle carries its own runtime. Build it with `scripts/release --image` (dockstat:VERSION and
# dockstat:latest), which passes the unpacked bundle as the build context.
#
#   docker run --rm -v /var/run/docker.sock:/var/run/docker.sock dockstat:latest stats --no-stream
#
# The image runs as root by default, since reading the engine's socket takes root or the socket's group.
# To run as the image's unprivileged user instead, add that group:
#   docker run --rm --user dockstat --group-add "$(stat -c %g /var/run/docker.sock)" \
#     -v /var/run/docker.sock:/var/run/docker.sock dockstat:latest stats --no-stream
# (docs/install.md has more, e.g. serve-metrics on the host's network.)
ARG BASE=debian:bookworm-slim
FROM ${BASE}
# an unprivileged user for --user dockstat (uid/gid 10001, no home, no shell)
RUN groupadd --system --gid 10001 dockstat \
 && useradd --system --uid 10001 --gid dockstat --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin dockstat
COPY . /opt/dockstat/
ENV PATH=/opt/dockstat/bin:$PATH
ENTRYPOINT ["/opt/dockstat/bin/dockstat"]
CMD ["--help"]
