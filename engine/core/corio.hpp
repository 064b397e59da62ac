// corio.hpp — the engine's public API in one include.
#pragma once

#include "core/barrier.hpp"
#include "core/condition.hpp"
#include "core/errors.hpp"
#include "core/event.hpp"
#include "core/future.hpp"
#include "core/gather.hpp"
#include "core/lock.hpp"
#include "core/loop.hpp"
#include "core/queue.hpp"
#include "core/semaphore.hpp"
#include "core/sleep.hpp"
#include "core/task.hpp"
#include "core/task_group.hpp"
#include "core/timeout.hpp"
#include "core/virtual_host.hpp"
#include "core/wait.hpp"
