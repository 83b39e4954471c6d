# The mock server as a container: the offcloud-kit wheel with the [mock] extra, nothing else.
#   docker build -t offcloud-mock .
#   docker run --rm -p 8080:8080 offcloud-mock                 # then http://127.0.0.1:8080/docs
#   docker run --rm -p 8080:8080 offcloud-mock --era legacy --clock-speed 10
#   docker run --rm -p 9000:9000 offcloud-mock --port 9000     # or -e OFFCLOUD_MOCK_PORT=9000
# Arguments after the image name go to `offcloud-mock` (see `offcloud-mock --help`). The control token
# of /_mock/ is new on every start (printed in the log) unless OFFCLOUD_MOCK_CONTROL_TOKEN sets it:
# examples/compose.yaml.

FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml hatch_build.py README.md LICENSE CHANGELOG.md openapi.yaml ./
COPY generated_client/offcloud_client generated_client/offcloud_client
COPY offcloud_kit offcloud_kit
COPY mock_server/offcloud_mock mock_server/offcloud_mock
COPY drift/offcloud_drift drift/offcloud_drift
COPY contract_tests/offcloud_contract contract_tests/offcloud_contract
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:3.11-slim
COPY --from=wheel /dist /dist
RUN wheel="$(ls /dist/offcloud_kit-*.whl)" \
    && pip install --no-cache-dir --disable-pip-version-check "${wheel}[mock]" \
    && rm -rf /dist \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin mock
USER mock
# The port: --port given to the container, else this variable (the CLI's default for --port).
ENV OFFCLOUD_MOCK_PORT=8080
EXPOSE 8080
# Probes /_mock/health at the port the mock was started with: --port on its command line (process 1),
# else OFFCLOUD_MOCK_PORT (offcloud_mock/healthcheck.py).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["python", "-m", "offcloud_mock.healthcheck"]
# 0.0.0.0 inside the container: Docker's port mapping decides who reaches it.
ENTRYPOINT ["offcloud-mock", "--host", "0.0.0.0"]
