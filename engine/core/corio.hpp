// corio.hpp — the engine's public API in one include.
#pragma once

#include "core/errors.hpp"
#include "core/future.hpp"
#include "core/loop.hpp"
#include "core/task.hpp"
#include "core/sleep.hpp"
#include "core/virtual_host.hpp"
