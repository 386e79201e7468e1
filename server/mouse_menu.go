package server

// menuOrigin is the terminal cell where c's list is drawn from: the
// display's corner, or its focused region's.
func (c *client) menuOrigin() (x, y int) {
	if c.regs == nil {
		return 0, 0
	}
	return c.focusOrigin()
}
