// curl_fetch.cpp — libcurl's multi interface on the host's epoll set.
#include "core/curl_fetch.hpp"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <time.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "core/host.hpp"
#include "core/loop.hpp"
#include "core/native_host.hpp"

namespace corio {

namespace {

int64_t monotonic_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::runtime_error("curl_global_init failed");
    });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

bool has_header(const FetchHeaders& headers, std::string_view name) {
    return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return iequals(h.first, name); });
}

FetchError::Kind error_kind(CURLcode code) {
    switch (code) {
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT: return FetchError::Kind::InvalidUrl;
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT: return FetchError::Kind::Connect;
        case CURLE_OPERATION_TIMEDOUT: return FetchError::Kind::Timeout;
        case CURLE_TOO_MANY_REDIRECTS: return FetchError::Kind::Redirects;
        default: return FetchError::Kind::Other;
    }
}

}  // namespace

struct CurlFetch::Transfer {
    FetchId id = 0;
    Loop* loop = nullptr;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    FetchCompletion done;
    FetchResponse response;
    std::optional<FetchError> early_error;  // failed before curl had it
    char error_buffer[CURL_ERROR_SIZE] = {};

    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
        curl_slist_free_all(headers);
    }

    static size_t on_body(char* data, size_t size, size_t count, void* self) {
        auto* t = static_cast<Transfer*>(self);
        t->response.body.append(data, size * count);
        return size * count;
    }

    // One header line (CRLF included). A status line starts a new response
    // (a redirect's target, or the final one after 100 Continue): only the
    // last response's headers are kept.
    static size_t on_header(char* data, size_t size, size_t count, void* self) {
        auto* t = static_cast<Transfer*>(self);
        std::string_view line(data, size * count);
        if (line.substr(0, 5) == "HTTP/") {
            t->response.headers.clear();
            t->response.body.clear();
            t->response.reason.clear();
            std::string_view rest = trim(line);
            std::size_t sp = rest.find(' ');  // after the version
            if (sp != std::string_view::npos) {
                rest = rest.substr(sp + 1);
                std::size_t sp2 = rest.find(' ');  // after the code
                if (sp2 != std::string_view::npos) t->response.reason = std::string(trim(rest.substr(sp2 + 1)));
            }
        } else if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            // An obsolete folded continuation of the previous value.
            if (!t->response.headers.empty()) {
                std::string& value = t->response.headers.back().second;
                value += ' ';
                value += trim(line);
            }
        } else if (std::size_t colon = line.find(':'); colon != std::string_view::npos) {
            t->response.headers.emplace_back(std::string(line.substr(0, colon)),
                                             std::string(trim(line.substr(colon + 1))));
        }
        return size * count;
    }
};

CurlFetch::CurlFetch(Poller& poller) : poller_(poller) {
    global_init();
    multi_ = curl_multi_init();
    if (!multi_) throw std::runtime_error("curl_multi_init failed");
    CURLM* m = static_cast<CURLM*>(multi_);
    curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, &CurlFetch::socket_callback);
    curl_multi_setopt(m, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, &CurlFetch::timer_callback);
    curl_multi_setopt(m, CURLMOPT_TIMERDATA, this);
}

CurlFetch::~CurlFetch() {
    CURLM* m = static_cast<CURLM*>(multi_);
    for (auto& [id, t] : transfers_)
        if (t->easy) curl_multi_remove_handle(m, t->easy);
    transfers_.clear();
    curl_multi_cleanup(m);  // closes the cached connections (unwatching them)
}

int CurlFetch::socket_callback(void* /*easy*/, int fd, int what, void* self, void* /*socketp*/) {
    auto* cf = static_cast<CurlFetch*>(self);
    uint32_t events = 0;
    if (what == CURL_POLL_IN || what == CURL_POLL_INOUT) events |= EPOLLIN;
    if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT) events |= EPOLLOUT;
    if (what == CURL_POLL_REMOVE || events == 0) {
        if (cf->sockets_.erase(fd)) cf->poller_.unwatch_socket(fd);
        return 0;
    }
    if (!cf->poller_.watch_socket(fd, events)) {
        if (cf->sockets_.erase(fd)) cf->poller_.unwatch_socket(fd);
        return -1;  // curl fails the transfer
    }
    cf->sockets_.insert(fd);
    return 0;
}

int CurlFetch::timer_callback(void* /*multi*/, long timeout_ms, void* self) {
    auto* cf = static_cast<CurlFetch*>(self);
    // -1: no timer; 0: as soon as possible (never call back into curl from
    // here: the host calls on_timeout() from its poll).
    if (timeout_ms < 0) cf->deadline_ns_.reset();
    else cf->deadline_ns_ = monotonic_ns() + int64_t{timeout_ms} * 1'000'000;
    return 0;
}

FetchId CurlFetch::start(Loop& loop, FetchRequest request, FetchCompletion done) {
    auto t = std::make_unique<Transfer>();
    t->id = ++last_id_;
    t->loop = &loop;
    t->done = std::move(done);
    FetchId id = t->id;
    CURL* e = curl_easy_init();
    if (!e) {
        t->early_error = FetchError{FetchError::Kind::Other, "curl_easy_init failed", 0};
        transfers_.emplace(id, std::move(t));
        return id;
    }
    t->easy = e;
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
    // Only HTTP(S), also when following redirects: a program cannot read
    // local files through file:// URLs.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    // Proxies from the environment are not used (aiohttp: trust_env=False).
    curl_easy_setopt(e, CURLOPT_PROXY, "");
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    // Decode gzip/deflate (and whatever curl supports) as browsers do; a
    // request's own Accept-Encoding header replaces curl's.
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, request.follow_redirects ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(request.max_redirects));
    if (request.timeout_s) {
        double ms = *request.timeout_s * 1000.0;
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, ms < 1.0 ? 1L : static_cast<long>(ms));
    }
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());

    const std::string& method = request.method;
    const bool body = request.has_body || !request.body.empty();
    if (method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (body || method == "POST") {
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, request.body.data());
        // POST stays curl's own POST so that a 301/302/303 turns it into a
        // GET, as aiohttp and browsers do.
        if (method != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.c_str());
    } else if (method != "GET") {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.c_str());
    }

    // The request's headers, as given, and none of curl's defaults (Accept,
    // Expect: 100-continue, a form Content-Type): "Name:" removes curl's own.
    curl_slist* list = nullptr;
    auto append = [&list](const std::string& line) {
        if (curl_slist* next = curl_slist_append(list, line.c_str())) list = next;
    };
    for (const auto& [name, value] : request.headers) {
        // "Name;" is curl's way of sending a header with an empty value.
        append(value.empty() ? name + ";" : name + ": " + value);
    }
    for (const char* name : {"Accept", "Expect", "Content-Type"})
        if (!has_header(request.headers, name)) append(std::string(name) + ":");
    t->headers = list;
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);

    CURLMcode rc = curl_multi_add_handle(static_cast<CURLM*>(multi_), e);
    if (rc != CURLM_OK) {
        t->early_error = FetchError{FetchError::Kind::Other, curl_multi_strerror(rc), 0};
        curl_easy_cleanup(e);
        t->easy = nullptr;
    }
    transfers_.emplace(id, std::move(t));
    return id;
}

void CurlFetch::cancel(FetchId id) {
    auto it = transfers_.find(id);
    if (it == transfers_.end()) {
        deliveries_.drop(id);  // finished, but its completion has not run yet
        return;
    }
    std::unique_ptr<Transfer> t = std::move(it->second);
    transfers_.erase(it);
    // Removing an unfinished transfer closes its connection (the server
    // sees it go) and unwatches its socket.
    if (t->easy) curl_multi_remove_handle(static_cast<CURLM*>(multi_), t->easy);
}

int64_t CurlFetch::timeout_ns() const {
    for (const auto& [id, t] : transfers_)
        if (t->early_error) return 0;
    if (!deadline_ns_) return Host::kForever;
    int64_t wait = *deadline_ns_ - monotonic_ns();
    return wait > 0 ? wait : 0;
}

void CurlFetch::on_socket(int fd, uint32_t epoll_events) {
    if (!owns(fd)) return;
    int mask = 0;
    if (epoll_events & (EPOLLIN | EPOLLHUP | EPOLLRDHUP)) mask |= CURL_CSELECT_IN;
    if (epoll_events & EPOLLOUT) mask |= CURL_CSELECT_OUT;
    if (epoll_events & EPOLLERR) mask |= CURL_CSELECT_ERR;
    int running = 0;
    curl_multi_socket_action(static_cast<CURLM*>(multi_), fd, mask, &running);
}

void CurlFetch::on_timeout() {
    if (!deadline_ns_ || *deadline_ns_ > monotonic_ns()) return;
    deadline_ns_.reset();  // curl sets the next one from inside the call
    int running = 0;
    curl_multi_socket_action(static_cast<CURLM*>(multi_), CURL_SOCKET_TIMEOUT, 0, &running);
}

void CurlFetch::finish(Transfer& t, int curl_code) {
    FetchResult result;
    if (t.early_error) {
        result.error = std::move(t.early_error);
    } else if (curl_code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
        t.response.status = static_cast<int>(status);
        char* url = nullptr;
        curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &url);
        if (url) t.response.url = url;
        result.response = std::move(t.response);
    } else {
        auto code = static_cast<CURLcode>(curl_code);
        std::string message = t.error_buffer[0] ? t.error_buffer : curl_easy_strerror(code);
        long os_error = 0;
        FetchError::Kind kind = error_kind(code);
        if (kind == FetchError::Kind::Connect) curl_easy_getinfo(t.easy, CURLINFO_OS_ERRNO, &os_error);
        result.error = FetchError{kind, std::move(message), static_cast<int>(os_error)};
    }
    if (t.easy) curl_multi_remove_handle(static_cast<CURLM*>(multi_), t.easy);
    Loop& loop = *t.loop;
    loop.call_soon(deliveries_.queue(t.id, std::move(t.done), std::move(result)));
}

int CurlFetch::deliver() {
    int delivered = 0;
    // Transfers that failed before curl had them.
    for (auto it = transfers_.begin(); it != transfers_.end();) {
        if (!it->second->early_error) {
            ++it;
            continue;
        }
        std::unique_ptr<Transfer> t = std::move(it->second);
        it = transfers_.erase(it);
        finish(*t, CURLE_OK);
        ++delivered;
    }
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(static_cast<CURLM*>(multi_), &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        Transfer* raw = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
        CURLcode code = msg->data.result;  // read before the message is invalidated
        if (!raw) continue;
        auto it = transfers_.find(raw->id);
        if (it == transfers_.end()) continue;
        std::unique_ptr<Transfer> t = std::move(it->second);
        transfers_.erase(it);
        finish(*t, code);
        ++delivered;
    }
    return delivered;
}

std::unique_ptr<Host> make_io_host() { return std::make_unique<NativeHost>(); }

}  // namespace corio
