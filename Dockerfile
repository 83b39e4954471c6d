# The mock server as a container: the offcloud-kit wheel with the [mock] extra, nothing else.
#   docker build -t offcloud-mock .
#   docker run --rm -p 8080:8080 offcloud-mock                 # then http://127.0.0.1:8080/docs
#   docker run --rm -p 8080:8080 offcloud-mock --era legacy --clock-speed 10
# Arguments after the image name go to `offcloud-mock` (see `offcloud-mock --help`).

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
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/_mock/health', timeout=2)"]
# 0.0.0.0 inside the container: Docker's port mapping decides who reaches it.
ENTRYPOINT ["offcloud-mock", "--host", "0.0.0.0", "--port", "8080"]
