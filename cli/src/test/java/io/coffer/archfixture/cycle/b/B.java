package io.coffer.archfixture.cycle.b;

import io.coffer.archfixture.cycle.a.A;

/** The other half of a package cycle. */
public final class B {
  public A partner() {
    return new A();
  }
}
