// gather_children_test.cpp — gather's children counted once however often
// they are passed (asyncio's arg_to_fut), pending or already done: each
// gets one done callback, and the gather completes once all are done.
#include <catch2/catch.hpp>

#include "core/corio.hpp"
#include "core/gather.hpp"

using namespace corio;

TEST_CASE("a child passed twice to gather gets one callback") {
    VirtualHost host;
    Loop loop(host);
    auto a = make_future<int>(loop);
    auto b = make_future<int>(loop);
    auto done = make_future<int>(loop);
    done->set_result(3);
    auto outer = gather_futures(loop, {Ref<FutureBase>(a), Ref<FutureBase>(b), Ref<FutureBase>(a),
                                       Ref<FutureBase>(done), Ref<FutureBase>(done)});
    CHECK(loop.ready().size() == 1);  // the done child's callback, once
    loop.run_once();
    a->set_result(1);
    CHECK(loop.ready().size() == 1);  // a's callback, once
    loop.run_once();
    CHECK(!outer->done());
    b->set_result(2);
    loop.run_once();
    CHECK(outer->done());
    CHECK(outer->children().size() == 5);
}

TEST_CASE("gathering the same children twice over registers each gather once") {
    VirtualHost host;
    Loop loop(host);
    auto a = make_future<int>(loop);
    auto first = gather_futures(loop, {Ref<FutureBase>(a), Ref<FutureBase>(a)});
    auto second = gather_futures(loop, {Ref<FutureBase>(a), Ref<FutureBase>(a)});
    a->set_result(1);
    CHECK(loop.ready().size() == 2);  // one callback per gather
    loop.run_once();
    CHECK(first->done());
    CHECK(second->done());
}
