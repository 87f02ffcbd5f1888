# brochure serve in a container: the build API (and the editor, for a
# report in /work). Untested here (no docker on the development machine).
#
#   docker build -t brochure .
#   head -c 24 /dev/urandom | base64 > token.txt
#   docker run --read-only --tmpfs /tmp -v "$PWD/token.txt:/run/secrets/token:ro" \
#     -v "$PWD/reports:/work" -p 8080:8080 brochure
#
# The binary is static (no cgo); the image has no shell and runs as a
# non-root user; only /work (the reports) and /tmp (a build's scratch
# folder, the font and PDFium caches) are written.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/brochure ./cmd/brochure

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/brochure /brochure
WORKDIR /work
ENV BROCHURE_CACHE=/tmp/brochure
USER nonroot:nonroot
EXPOSE 8080
# with no report.yaml in /work only the build API is served
ENTRYPOINT ["/brochure", "serve", "--addr", "0.0.0.0:8080", "--token-file", "/run/secrets/token", "--no-browser"]
