package server

func init() {
	register(&command{
		name: "lastmsg", guest: true, help: "show the last message again",
		run: func(x *cmdContext, _ []string) (string, error) {
			if x.c == nil {
				return "", nil
			}
			return x.c.lastMessage, nil
		},
	})
}
