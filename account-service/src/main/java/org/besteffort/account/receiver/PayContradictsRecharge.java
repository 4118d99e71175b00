package org.besteffort.account.receiver;

/**
 * A pay result names another account or amount than the recharge this receiver started under its txNo: whichever path
 * brings it, it is parked, never credited.
 */
class PayContradictsRecharge extends RuntimeException {

    PayContradictsRecharge(String txNo) {
        super("pay " + txNo + " names another account or amount than the recharge started here");
    }
}
