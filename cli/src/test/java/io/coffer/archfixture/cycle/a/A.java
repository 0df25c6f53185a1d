package io.coffer.archfixture.cycle.a;

import io.coffer.archfixture.cycle.b.B;

/** One half of a package cycle. */
public final class A {
  public B partner() {
    return new B();
  }
}
