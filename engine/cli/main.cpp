// main.cpp — the `corio` command.
//   corio run [--clock=virtual|real] FILE [ARGS...]   run a Python program
//   corio dis FILE                                    print its bytecode
// Output is buffered as python's is when stdout is a pipe: stdout is
// flushed when the buffer fills, before anything goes to stderr, when the
// program flushes it (sys.stdout.flush(), print(flush=True)), and at exit.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/native_host.hpp"
#include "core/virtual_host.hpp"
#include "py/dis.hpp"
#include "py/interp.hpp"
#include "py/session.hpp"
#include "py/traceback.hpp"
#include "py/vm.hpp"
#include "py/vm_source.hpp"

namespace {

constexpr std::size_t kStdoutBufferBytes = 64 * 1024;

void write_fd(int fd, std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(fd, text.data(), text.size());
        if (n <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

class Output {
public:
    // A terminal gets whole lines at once, as python's line-buffered stdout.
    Output() : line_buffered_(::isatty(1) != 0) {}
    void out(std::string_view text) {
        buffer_ += text;
        if (buffer_.size() >= kStdoutBufferBytes || (line_buffered_ && text.find('\n') != std::string_view::npos))
            flush();
    }
    void err(std::string_view text) {
        flush();
        write_fd(2, text);
    }
    void flush() {
        write_fd(1, buffer_);
        buffer_.clear();
    }

private:
    std::string buffer_;
    bool line_buffered_;
};

int usage() {
    std::fputs("usage: corio run [--clock=virtual|real] FILE [ARGS...]\n"
               "       corio dis FILE\n"
               "test options of run (the browser's ways of driving a program):\n"
               "  --preempt-every=N          hand control back every N safe points\n"
               "  --step=iteration|task-step run one unit at a time\n",
               stderr);
    return 2;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int cant_open(const std::string& path) {
    std::fprintf(stderr, "corio: can't open file '%s': [Errno 2] No such file or directory\n", path.c_str());
    return 2;
}

struct RunOptions {
    bool virtual_clock = false;
    int64_t preempt_every = 0;  // 0: never preempt
    bool stepping = false;
    corio::py::Session::Unit unit = corio::py::Session::Unit::Iteration;
};

// Parses the options before FILE; returns the index of FILE, or -1.
int parse_run_options(int argc, char** argv, RunOptions& options) {
    int i = 2;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; ++i) {
        std::string opt = argv[i];
        if (opt == "--clock=virtual") {
            options.virtual_clock = true;
        } else if (opt == "--clock=real") {
            options.virtual_clock = false;
        } else if (opt.rfind("--preempt-every=", 0) == 0) {
            options.preempt_every = std::atoll(opt.c_str() + 16);
            if (options.preempt_every <= 0) return -1;
        } else if (opt == "--step=iteration" || opt == "--step=task-step") {
            options.stepping = true;
            options.unit = opt == "--step=iteration" ? corio::py::Session::Unit::Iteration
                                                     : corio::py::Session::Unit::TaskStep;
        } else {
            std::fprintf(stderr, "corio: unknown option %s\n", opt.c_str());
            return -1;
        }
    }
    return i < argc ? i : -1;
}

// Drives a session to its end, letting time pass through the host: the
// native clock waits (ppoll) and sleeps, the virtual one jumps.
int drive(corio::py::Session& session, corio::Host& host, const RunOptions& options) {
    using State = corio::py::Progress::State;
    for (;;) {
        corio::py::Progress p =
            options.stepping ? session.step(options.unit) : session.advance();
        switch (p.state) {
            case State::Ready:
            case State::Stepped: break;
            case State::Waiting: host.poll(*session.loop(), p.ns); break;
            case State::Blocked: host.block(p.ns); break;
            case State::Done: return session.exit_status();
        }
    }
}

bool always_yield(void*) { return true; }

int run(int argc, char** argv) {
    RunOptions options;
    int i = parse_run_options(argc, argv, options);
    if (i < 0) return usage();
    std::string path = argv[i];
    std::string source;
    if (!read_file(path, source)) return cant_open(path);
    std::vector<std::string> args(argv + i, argv + argc);
    std::string filename = std::filesystem::absolute(path).string();

    Output output;
    int status;
    std::unique_ptr<corio::Host> host;
    if (options.virtual_clock) host = std::make_unique<corio::VirtualHost>();
    else host = std::make_unique<corio::NativeHost>();
    {
        corio::py::Interp interp;
        interp.host = host.get();
        interp.write_stdout = [&](std::string_view s) { output.out(s); };
        interp.write_stderr = [&](std::string_view s) { output.err(s); };
        interp.flush_stdout = [&] { output.flush(); };
        interp.read_stdin = [&](std::string& line) {
            output.flush();  // the prompt shows before input() waits
            return static_cast<bool>(std::getline(std::cin, line));
        };
        corio::py::Vm vm(interp);
        if (options.preempt_every > 0) {
            vm.budget = vm.budget_refill = options.preempt_every;
            vm.should_yield = always_yield;
        }
        corio::py::Session session(interp, filename, source, args);
        status = drive(session, *host, options);
        output.flush();
    }
    return status;
}

int dis(int argc, char** argv) {
    if (argc != 3) return usage();
    std::string path = argv[2];
    std::string source;
    if (!read_file(path, source)) return cant_open(path);
    std::string filename = std::filesystem::absolute(path).string();
    try {
        auto spec = corio::py::compile_program(source, filename);
        write_fd(1, corio::py::disassemble(*spec));
    } catch (const corio::py::SyntaxError& err) {
        write_fd(2, corio::py::format_syntax_error(err, filename));
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::string command = argv[1];
    if (command == "run") return run(argc, argv);
    if (command == "dis") return dis(argc, argv);
    return usage();
}
