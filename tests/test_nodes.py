"""Node classes (tacl/nodes.py): frozen attrs classes that attrs builds on first use.

The AST and the IR declare ~140 node classes; a run touches a fraction of them,
so `node` defers attrs' work until a class is instantiated or asked about. These
tests pin down that the deferred class is, once used, exactly the attrs class
the decorator promises, whichever way it is first touched.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading

import attrs
import pytest

from tacl.nodes import Node, node


def _declare():
    """A fresh pair of node classes (a base and a subclass), built by nobody yet."""

    @node
    class Base(Node):
        name: str
        span: object = attrs.field(eq=False, default=None, kw_only=True)

    @node
    class Child(Base):
        size: int = 0

    return Base, Child


def _built(cls) -> bool:
    return "__attrs_attrs__" in cls.__dict__ and isinstance(cls.__dict__["__attrs_attrs__"], tuple)


def test_a_declared_node_class_is_not_built_until_used():
    base, child = _declare()
    assert not _built(base) and not _built(child)
    base("a")
    assert _built(base) and not _built(child)


def test_the_first_instance_builds_the_class_and_its_bases():
    base, child = _declare()
    value = child("a", 3, span=(1, 2))
    assert _built(base) and _built(child)
    assert (value.name, value.size, value.span) == ("a", 3, (1, 2))
    assert [f.name for f in attrs.fields(child)] == ["name", "span", "size"]


def test_asking_attrs_about_an_unbuilt_class_builds_it():
    base, child = _declare()
    assert attrs.has(child)
    assert [f.name for f in attrs.fields(base)] == ["name", "span"]
    assert _built(base) and _built(child)


def test_a_built_node_is_frozen_and_compares_without_its_span():
    base, _ = _declare()
    one, two = base("a", span=1), base("a", span=2)
    assert one == two and hash(one) == hash(two)
    assert one != base("b")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        one.name = "b"
    assert attrs.evolve(one, name="c").name == "c"
    assert repr(one) == "Base(name='a', span=1)"


def test_a_plain_subclass_of_an_unbuilt_node_builds_the_node():
    base, _ = _declare()

    class Plain(base):
        pass

    assert Plain("a").name == "a"
    assert _built(base)


def test_wrong_arguments_fail_as_attrs_would_on_first_use():
    base, _ = _declare()
    with pytest.raises(TypeError):
        base()
    assert base("a").name == "a"  # the failed call left the class built and usable


def test_threads_racing_to_build_one_class_all_get_it_built_once():
    base, _ = _declare()
    barrier = threading.Barrier(8)
    made, errors = [], []

    def first_use():
        barrier.wait()
        try:
            made.append(base("x"))
        except Exception as exc:  # pragma: no cover - would be the failure
            errors.append(exc)

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(made) == 8 and len(set(made)) == 1


def test_ast_nodes_pickle_into_a_process_where_their_class_is_unbuilt():
    from tacl.syntax import ast

    token = ast.Num("12.5", span=None)
    code = (
        "import pickle, sys, attrs\n"
        "from tacl.syntax import ast\n"
        "value = pickle.loads(sys.stdin.buffer.read())\n"
        "assert value == ast.Num('12.5', span=None)\n"
        "assert attrs.fields(ast.Num)[0].name == 'text'\n"
        "print(value.text)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(token), capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "12.5"


def test_importing_the_ast_builds_no_class():
    code = (
        "import tacl.syntax.ast as a, tacl.nodes as n\n"
        "built = [c.__name__ for c in vars(a).values()\n"
        "         if isinstance(c, type) and issubclass(c, n.Node) and c is not n.Node\n"
        "         and c.__dict__.get('__attrs_attrs__') is not n._UNBUILT]\n"
        "print(built)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_class_another_thread_is_building_waits_for_it_and_never_sees_it_half_built(
    monkeypatch,
):
    """attrs patches the class in place; a thread that instantiates it, or asks for its
    fields, while another thread is in the middle of that must get the built class."""
    import time

    base, _ = _declare()
    inside, real = threading.Event(), attrs.frozen

    def slow_frozen(cls, **options):
        inside.set()
        time.sleep(0.3)  # the other thread runs now, with the build under way
        return real(cls, **options)

    monkeypatch.setattr(attrs, "frozen", slow_frozen)
    results, errors = {}, []

    def build():
        results["first"] = base("a")

    def meanwhile():
        inside.wait()
        try:
            results["second"] = base("b")
            results["fields"] = [f.name for f in attrs.fields(base)]
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=build), threading.Thread(target=meanwhile)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert (results["first"].name, results["second"].name) == ("a", "b")
    assert results["fields"] == ["name", "span"]
