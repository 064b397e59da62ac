# Cancellation (after the Python docs' cancel_me): task.cancel() raises
# CancelledError inside the task at the await where it is suspended; the
# task can clean up, and should let the error propagate.
import asyncio


async def cancel_me():
    print('cancel_me(): before sleep')
    try:
        # Wait for 1 hour
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print('cancel_me(): cancel sleep')
        raise
    finally:
        print('cancel_me(): after sleep')


async def main():
    # Create a "cancel_me" Task
    task = asyncio.create_task(cancel_me())

    # Wait for 1 second
    await asyncio.sleep(1)

    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main(): cancel_me is cancelled now")
    print(f"task.cancelled(): {task.cancelled()}")


asyncio.run(main())
