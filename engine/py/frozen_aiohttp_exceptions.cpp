// frozen_aiohttp_exceptions.cpp — aiohttp's exception hierarchy
// (aiohttp.client_exceptions in the real package), with its messages,
// written from aiohttp 3.9's documentation. Run into the `aiohttp` module
// before the responses and the session (mod_aiohttp.cpp).
#include <string_view>

namespace corio::py {

std::string_view aiohttp_exceptions_source() {
    static constexpr std::string_view kSource = R"PY(
import asyncio as _asyncio



class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """An error in the response, or an error status (raise_for_status)."""

    def __init__(self, request_info, history, *, code=None, status=None, message='',
                 headers=None):
        self.request_info = request_info
        if status is None:
            status = code if code is not None else 0
        self.status = status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    @property
    def code(self):
        return self.status

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(
            self.status, self.message, str(self.request_info.real_url))

    def __repr__(self):
        args = f'{self.request_info!r}, {self.history!r}'
        if self.status != 0:
            args += f', status={self.status!r}'
        if self.message != '':
            args += f', message={self.message!r}'
        if self.headers is not None:
            args += f', headers={self.headers!r}'
        return f'{type(self).__name__}({args})'


class ContentTypeError(ClientResponseError):
    """json() on a response whose Content-Type is not JSON."""


class WSServerHandshakeError(ClientResponseError):
    pass


class ClientHttpProxyError(ClientResponseError):
    pass


class TooManyRedirects(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    """Base class for connection errors."""


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    """The connection to the server could not be made."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return 'Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]'.format(
            self, 'default' if self.ssl is True else self.ssl, self._os_error.strerror)


class ClientProxyConnectionError(ClientConnectorError):
    pass


class ClientSSLError(ClientConnectorError):
    pass


class ClientConnectorCertificateError(ClientSSLError):
    pass


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, _asyncio.TimeoutError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url, description=None):
        self._url = url
        self._description = description
        if description:
            super().__init__(url, description)
        else:
            super().__init__(url)

    @property
    def url(self):
        return self._url

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __str__(self):
        if self._description:
            return f'{self._url} - {self._description}'
        return str(self._url)


class NonHttpUrlClientError(InvalidURL):
    pass
)PY";
    return kSource;
}

}  // namespace corio::py
