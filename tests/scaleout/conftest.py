"""The scale-out tests' servers: PostgreSQL, Redis and S3, started once per module."""

from .servers import postgres_server, redis_server, s3_server  # noqa: F401
