// mod_asyncio_prelude.cpp — the Python half of `asyncio` (mod_asyncio.hpp):
// CPython 3.11 logic (runners.py, tasks.py, locks.py, queues.py, timeouts.py,
// taskgroups.py) on the engine-backed Future, Task and loop.
#include "py/mod_asyncio.hpp"

namespace corio::py {

std::string_view asyncio_prelude_source() {
    static constexpr std::string_view kSource = R"PRELUDE(
# The Python half of corio's asyncio: CPython 3.11's logic on the engine's
# Future, Task and loop (mod_asyncio.cpp).

class CancelledError(BaseException):
    pass

class InvalidStateError(Exception):
    pass

class QueueEmpty(Exception):
    pass

class QueueFull(Exception):
    pass

class BrokenBarrierError(RuntimeError):
    pass

TimeoutError = TimeoutError

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _future_await(self):
    if not self.done():
        yield self
    if not self.done():
        raise RuntimeError("await wasn't used with future")
    return self.result()

_patch(Future, '__await__', _future_await)
_patch(Future, '__iter__', _future_await)


def _future_repr_info(fut):
    state, result, exc = fut._info()
    info = [state.lower()]
    if state == 'FINISHED':
        if exc is not None:
            info.append(f'exception={exc!r}')
        else:
            info.append(f'result={result!r}')
    callbacks = fut._callbacks()
    if callbacks:
        info.append(_format_callbacks(callbacks))
    return info


# done callbacks as asyncio's reprs show them
def _format_callbacks(callbacks):
    shown = [_callback_text(cb) for cb in callbacks]
    if len(shown) > 2:
        shown = [shown[0], f'<{len(shown) - 2} more>', shown[-1]]
    return f'cb=[{", ".join(shown)}]'


def _callback_text(cb, args=()):
    if type(cb) is str:  # a task's wake-up, named by _callbacks
        return cb
    text = _callback_call(cb, args, None)
    source = _callback_source(cb)
    if source:
        text += f' at {source[0]}:{source[1]}'
    return text


def _callback_call(fn, args, kwargs, suffix=''):
    import functools
    if isinstance(fn, functools.partial):
        return _callback_call(fn.func, fn.args, fn.keywords, _callback_args(args, kwargs) + suffix)
    name = getattr(fn, '__qualname__', None) or getattr(fn, '__name__', None) or repr(fn)
    return name + _callback_args(args, kwargs) + suffix


def _callback_args(args, kwargs):
    items = [_short_repr(a) for a in args]
    if kwargs:
        items += [f'{k}={_short_repr(v)}' for k, v in kwargs.items()]
    return f'({", ".join(items)})'


def _callback_source(fn):
    import functools
    while hasattr(fn, '__wrapped__'):
        fn = fn.__wrapped__
    if type(fn) is type(_callback_source):
        return fn.__code__.co_filename, fn.__code__.co_firstlineno
    if isinstance(fn, functools.partial):
        return _callback_source(fn.func)
    return None


# reprlib.repr for strs, ints and the rest (not its containers)
def _short_repr(x):
    if type(x) is str:
        s = repr(x[:30])
        if len(s) > 30:
            s = repr(x[:13] + x[len(x) - 14:])
            s = s[:13] + '...' + s[len(s) - 14:]
        return s
    s = repr(x)
    limit = 40 if type(x) is int else 30
    if len(s) > limit:
        i = (limit - 3) // 2
        j = limit - 3 - i
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _format_coroutine(qual, filename, defline, line):
    name = f'{qual}()'
    if line:
        return f'{name} running at {filename}:{line}'
    return f'{name} done, defined at {filename}:{defline}'


def _repr(fut):
    if isinstance(fut, Handle):
        return _handle_repr(fut)
    if isinstance(fut, Task):
        info = _future_repr_info(fut)
        if fut.cancelling() and not fut.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % fut.get_name())
        qual, filename, defline, line, waiter = fut._task_info()
        info.insert(2, f'coro=<{_format_coroutine(qual, filename, defline, line)}>')
        if waiter is not None:
            # a str: a lock's or a queue's waiter, formatted by _task_info
            info.insert(3, f'wait_for={waiter if type(waiter) is str else repr(waiter)}')
        return f'<{type(fut).__name__} {" ".join(info)}>'
    return f'<{type(fut).__name__} {" ".join(_future_repr_info(fut))}>'

_set_repr_hook(_repr)


def _handle_repr(self):
    info = [type(self).__name__]
    if self.cancelled():
        info.append('cancelled')
    if isinstance(self, TimerHandle):
        info.append(f'when={self.when()}')
    call = self._call_info()
    if call is not None:
        info.append(_callback_text(call[0], call[1]))
    return f'<{" ".join(info)}>'


class AbstractEventLoop:
    pass


class _Loop(AbstractEventLoop):
    def time(self):
        return _time()

    def call_soon(self, callback, *args, context=None):
        return _call(None, None, callback, args)

    def call_later(self, delay, callback, *args, context=None):
        return _call(delay, None, callback, args)

    def call_at(self, when, callback, *args, context=None):
        return _call(None, when, callback, args)

    def create_future(self):
        return _create_future()

    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, name=name)

    def is_running(self):
        return _loop_running()

    def is_closed(self):
        return _loop_closed()

    def stop(self):
        _stop()

    def run_until_complete(self, future):
        future = ensure_future(future)
        _run_until_complete(future)
        return future.result()

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass

    def call_exception_handler(self, context):
        pass

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass

    def run_in_executor(self, executor, func, *args):
        fut = _create_future()
        try:
            fut.set_result(func(*args))
        except BaseException as e:
            fut.set_exception(e)
        return fut

_the_loop = _Loop()
_patch(Future, 'get_loop', lambda self: _the_loop)


def get_running_loop():
    if not _loop_running():
        raise RuntimeError('no running event loop')
    return _the_loop


def get_event_loop():
    return _the_loop


def new_event_loop():
    _new_loop()
    return _the_loop


def set_event_loop(loop):
    pass


def current_task(loop=None):
    if loop is None:
        get_running_loop()
    return _current_task()


def all_tasks(loop=None):
    if loop is None:
        get_running_loop()
    return {t for t in _all_tasks() if not t.done()}


def iscoroutinefunction(func):
    code = getattr(func, '__code__', None)
    if code is None:
        return False
    return bool(code.co_flags & 0x80)


def create_task(coro, *, name=None, context=None):
    get_running_loop()
    return _numbered_task(coro, name)


# 3.11 names the task after making it: a Task-N number is used up
def _numbered_task(coro, name):
    task = Task(coro, name=name)
    if name is not None:
        _skip_task_number()
    return task


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        return Task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        return ensure_future(_wrap_awaitable(coro_or_future))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


def _report_unretrieved():
    for t in _unretrieved():
        _report_lost(t)


def _report_lost(t):
    import sys
    if not t.done():
        sys.stderr.write(f'Task was destroyed but it is pending!\ntask: {t!r}\n')
        return
    kind = 'Task' if isinstance(t, Task) else 'Future'
    exc = t._info()[2]
    sys.stderr.write(f'{kind} exception was never retrieved\nfuture: {t!r}\n')
    _print_exc(exc)


# Interp::exit_hooks: what CPython's shutdown logs
def _report_at_exit():
    for t in _left_at_exit():
        _report_lost(t)


def _print_exc(exc):
    import sys, traceback
    sys.stderr.write(''.join(traceback.format_exception(exc)))


def _cancel_all_tasks():
    to_cancel = [t for t in _all_tasks() if not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    _the_loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            import sys
            sys.stderr.write(f'unhandled exception during asyncio.run() shutdown\ntask: {task!r}\n')


def run(main, *, debug=None):
    if _loop_running():
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got {!r}'.format(main))
    _new_loop()
    try:
        task = Task(main)
        _run_until_complete(task)
        return task.result()
    finally:
        try:
            _cancel_all_tasks()
            _the_loop.run_until_complete(_the_loop.shutdown_asyncgens())
            _the_loop.run_until_complete(_the_loop.shutdown_default_executor())
        finally:
            _close_loop()
            _report_unretrieved()


class _GatheringFuture(Future):
    def cancel(self, msg=None):
        return _gathering_cancel(self, msg)


def _cancelled_error(fut):
    try:
        fut.result()
    except CancelledError as e:
        return e


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = _create_future()
        outer.set_result([])
        return outer

    children = []
    state = [0, None]   # nfinished, outer
    cancel_requested = [False]

    def _done_callback(fut):
        outer = state[1]
        state[0] += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(_cancelled_error(fut))
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if state[0] == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    # a task's message stays in the error it raised
                    msg = () if isinstance(f, Task) else _cancelled_error(f).args
                    res = CancelledError(msg[0] if msg else '')
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if cancel_requested[0]:
                outer.set_exception(_cancelled_error(fut) if fut.cancelled() else CancelledError())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    nfuts = 0
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg)
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _GatheringFuture()
    _wait_kind(outer, 'gather', None)
    state[1] = outer
    outer._gather_children = children
    outer._gather_cancel_requested = cancel_requested
    return outer


def _gathering_cancel(self, msg=None):
    if self.done():
        return False
    ret = False
    for child in self._gather_children:
        if child.cancel(msg=msg):
            ret = True
    if ret:
        self._gather_cancel_requested[0] = True
    return ret


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    waiter = _create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = _create_future()
    timeout_handle = _call(timeout, None, _release_waiter, (waiter,))
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when):
    waiter = _create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = _call(timeout, None, _release_waiter, (waiter,))
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = list(dict.fromkeys(fs))
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    return await _wait(fs, timeout, return_when)


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    todo = []
    for f in fs:
        f = ensure_future(f)
        if f not in todo:
            todo.append(f)
    done = []
    waiters = []
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.append(None)
        todo.clear()
        for w in waiters:
            if not w.done():
                w.set_result(None)

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.append(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()
        if waiters and not waiters[0].done():
            waiters[0].set_result(None)

    async def _wait_for_one():
        if not done:
            w = _create_future()
            waiters.clear()
            waiters.append(w)
            await w
        f = done.pop(0)
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = _call(timeout, None, _on_timeout, ())
    return [_wait_for_one() for _ in range(len(todo))]


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = _create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def to_thread(func, *args, **kwargs):
    return func(*args, **kwargs)


class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has been already entered")
        self._entered = True
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate_cancellation_error = None
        if (exc is not None and
                self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc
        if et is not None and issubclass(et, CancelledError):
            propagate_cancellation_error = exc
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = _create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if et is not None and not issubclass(et, CancelledError):
            propagate_cancellation_error = None
        if propagate_cancellation_error is not None and not self._errors:
            raise propagate_cancellation_error
        if et is not None and not issubclass(et, CancelledError):
            self._errors.append(exc)
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = _numbered_task(coro, name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks.append(task)
            task.add_done_callback(self._on_task_done)
        return task

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return f'<TaskGroup{" ".join(info)}>'

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        if task in self._tasks:
            self._tasks.remove(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            pass
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


class Timeout:
    def __init__(self, when):
        self._when = when
        self._state = 'created'
        self._timeout_handler = None
        self._task = None

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = ''
        if self._state == 'active':
            when = round(self._when, 3) if self._when is not None else None
            info = f' when={when}'
        return f'<Timeout [{self._state}]{info}>'

    async def __aenter__(self):
        self._state = 'active'
        self._task = current_task()
        self._cancelling = self._task.cancelling()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)
)PRELUDE";
    return kSource;
}

}  // namespace corio::py
